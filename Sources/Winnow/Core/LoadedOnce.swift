import Synchronization

/// A value built on first use, once, by whichever thread asks first (the others wait for
/// it), then shared: so that a run pays for a model only when a stage of it needs one.
final class LoadedOnce<Value: Sendable>: Sendable {
  private let loaded = Mutex<Value?>(nil)
  private let load: @Sendable () -> Value

  init(_ load: @escaping @Sendable () -> Value) { self.load = load }

  var value: Value {
    loaded.withLock { loaded in
      if let loaded { return loaded }
      let value = load()
      loaded = value
      return value
    }
  }
}
