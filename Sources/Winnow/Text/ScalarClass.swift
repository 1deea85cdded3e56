/// Script and role tests on single scalars that the repairs need to judge context. Plain
/// range checks: they run on every non-ASCII scalar of a page.
enum ScalarClass {
  /// Scripts whose letters join or form conjuncts, where ZWJ and ZWNJ change the rendering:
  /// Arabic (and Persian, Urdu), Syriac, N'Ko, the Indic scripts, Tibetan, Myanmar, Khmer,
  /// Mongolian.
  static func usesJoinControls(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0600...0x08FF, 0x0900...0x0DFF, 0x0F00...0x0FFF, 0x1000...0x109F, 0x1780...0x18AF,
      0xA8E0...0xA8FF, 0xFB50...0xFDFF, 0xFE70...0xFEFC:
      true
    default: false
    }
  }

  /// Emoji and the parts of emoji sequences (skin tones, VS16, tags) around a ZWJ.
  static func isEmojiPart(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0xFE0F, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F, 0x20E3: true
    case ..<0x2000: false
    default: scalar.properties.isEmoji
    }
  }

  /// Han, kana, Hangul, bopomofo, CJK punctuation and full-width forms: the text an
  /// ideographic space or a full-width form belongs to. Wider than `isIdeographicWord`
  /// (Han and kana, one word per character), as Hangul and punctuation are no words.
  static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x2E80...0x2FDF, 0x3001...0x303F, 0x3040...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF01...0xFFEF, 0x20000...0x3FFFF:
      true
    default: false
    }
  }

  /// Letters of right-to-left scripts, where bidi controls may carry meaning.
  static func isRightToLeft(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFC, 0x10800...0x10FFF,
      0x1E800...0x1EFFF:
      true
    default: false
    }
  }
}
