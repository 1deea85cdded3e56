/// The CSS both views share. System fonts only (nothing to fetch); the font lists name the
/// Noto families that Linux systems carry for Arabic, Hebrew and CJK, so every script gets a
/// face that suits it.
enum Stylesheet {
  static let base: StaticString = """
    :root{--ink:#1f2430;--muted:#6b7280;--line:#e5e7eb;--band:#f4f5f7;--paper:#fff;\
    --meta:#fff4d6;--meta-ink:#8a5a00;--kind:#9ca3af;--lang:transparent;\
    font:15px/1.55 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans Arabic",\
    "Noto Sans Hebrew","Noto Sans CJK SC","Noto Sans CJK JP",sans-serif;color:var(--ink)}
    *{box-sizing:border-box}
    body{margin:0;background:var(--band)}
    main{max-width:1180px;margin:0 auto;padding:22px 28px 48px}
    h1{font-size:21px;margin:0 0 2px;font-weight:650}
    h2{font-size:15px;margin:0 0 10px;font-weight:650;color:#374151}
    h3{font-size:14px;margin:0 0 6px;font-weight:650}
    code,.mono{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12.5px}
    .subtitle{color:var(--muted);margin:0 0 14px;overflow-wrap:anywhere}
    .panel{background:var(--paper);border:1px solid var(--line);border-radius:10px;\
    padding:14px 18px;margin:0 0 16px}
    .columns{display:flex;flex-wrap:wrap;gap:4px 32px}
    .columns>div{flex:1 1 260px}
    .columns>.wide{flex:3 1 420px}
    .columns>.note{flex:1 1 100%}
    .facts{display:flex;flex-wrap:wrap;gap:6px 28px;margin:0}
    .facts div{display:flex;flex-direction:column}
    .facts dt{font-size:11.5px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
    .facts dd{margin:0;font-size:17px;font-weight:600}
    .legend{display:flex;flex-wrap:wrap;gap:6px;margin:0;padding:0;list-style:none}
    .chip{display:inline-flex;align-items:center;gap:6px;padding:2px 10px 2px 8px;\
    border-radius:999px;background:var(--band);border:1px solid var(--line);font-size:13px}
    .chip .swatch{width:10px;height:10px;border-radius:3px;background:var(--kind)}
    .chip.lang .swatch{background:var(--lang)}
    .chip .count{font-weight:650}
    .meta-fields{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;margin:0}
    .facts+.meta-fields{margin-top:12px;padding-top:10px;border-top:1px solid var(--line)}
    .meta-fields dt{color:var(--meta-ink);font-size:12px;text-transform:uppercase;\
    letter-spacing:.04em;padding-top:2px}
    .meta-fields dd{margin:0;font-weight:600;justify-self:start}
    .meta-fields ol.comments{margin:0;padding-left:1.6em;font-weight:400;white-space:pre-line}
    .banner{background:#fde8e8;border:1px solid #f5b5b5;color:#8b1c1c;border-radius:8px;\
    padding:8px 14px;margin:0 0 16px}
    .toggle{font-size:13px;color:var(--muted);display:inline-flex;gap:6px;align-items:center;\
    margin-bottom:8px}
    body:has(#hide-dropped:checked) tr.drop{display:none}
    table.lines{width:100%;border-collapse:collapse;table-layout:fixed}
    table.lines td{vertical-align:top;padding:3px 10px;border-top:1px solid #f0f1f4}
    table.lines td.n{width:3.6em;text-align:right;color:var(--muted);padding-right:8px;\
    font:12px/1.9 ui-monospace,"DejaVu Sans Mono",monospace}
    table.lines td.fate{width:15.5em;font-size:12px;line-height:1.35;padding-top:5px;\
    border-left:4px solid transparent}
    table.lines td.lang{width:5px;padding:0;background:var(--lang)}
    table.lines td.text{overflow-wrap:anywhere;white-space:pre-wrap}
    .fate .verdict{font-weight:650}
    .fate .rule{display:block;color:var(--muted);font-family:ui-monospace,"DejaVu Sans Mono",\
    monospace;font-size:11px;overflow-wrap:anywhere}
    .fate .score{color:var(--muted)}
    .fate .code{float:right;color:var(--muted);font:11px ui-monospace,monospace}
    tr.keep .verdict{color:#4b5563;font-weight:500}
    tr.drop td.fate{border-left-color:var(--kind);background:#fafafa}
    tr.drop .verdict{color:color-mix(in srgb,var(--kind) 70%,#000)}
    tr.drop td.text{color:#8b919b;text-decoration:line-through;\
    text-decoration-color:var(--kind);text-decoration-thickness:2px}
    tr.meta td.fate{border-left-color:#e0a800}
    tr.meta .verdict{color:var(--meta-ink)}
    tr.meta td.text{background:var(--meta);font-weight:600}
    tr.heading td.text{font-weight:650}
    .seg{border-bottom:2px solid var(--lang)}
    .repair{display:block;margin-top:3px;font-size:12.5px;color:#7c2d12}
    .repair del{background:#fdecea;text-decoration-color:#c2410c}
    .repair .label{font-size:11px;text-transform:uppercase;letter-spacing:.04em;\
    color:var(--muted);margin-right:6px}
    .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:16px;\
    margin-bottom:16px}
    .charts .panel{margin:0}
    svg{display:block;max-width:100%;height:auto;font:12px system-ui,sans-serif}
    svg .label{fill:#374151}
    svg .value{fill:var(--muted)}
    svg .axis{stroke:#d1d5db}
    .note{color:var(--muted);font-size:13px;margin:6px 0 0}
    details.page{background:var(--paper);border:1px solid var(--line);border-radius:10px;\
    margin:0 0 10px}
    details.page>summary{cursor:pointer;padding:10px 16px;display:flex;flex-wrap:wrap;\
    gap:4px 16px;align-items:baseline}
    details.page>summary .id{font-weight:650;overflow-wrap:anywhere}
    details.page>summary .stat{color:var(--muted);font-size:13px}
    details.page .body{padding:0 16px 14px}
    table.sample{width:100%;border-collapse:collapse;font-size:13.5px}
    table.sample th{text-align:left;color:var(--muted);font-weight:600;font-size:12px;\
    border-bottom:1px solid var(--line);padding:4px 8px}
    table.sample td{padding:4px 8px;border-top:1px solid #f0f1f4;vertical-align:top}
    table.sample td.num{text-align:right;font-variant-numeric:tabular-nums}
    a{color:#2857a4}
    """
}
