import Dispatch

/// CPU-bound work (training, local inference) run on a dispatch queue instead of the cooperative pool, so
/// a long computation shares the cores with other requests instead of starving them.
enum OffloadedWork {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .utility).async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
