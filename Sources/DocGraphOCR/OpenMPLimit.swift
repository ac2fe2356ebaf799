import Foundation

/// Runs the program again with `OMP_THREAD_LIMIT=1` when the environment
/// sets no limit, before it does anything else (see ``OCREngine``): the
/// OpenMP runtime Tesseract links reads the limit when the program loads,
/// so only a new program image sees it. A user's own setting is kept.
public enum OpenMPLimit {
    /// Replaces the process with itself under the limit; returns if it is set already or the exec fails.
    public static func applyByReexecuting() {
        #if os(Linux)
        guard getenv("OMP_THREAD_LIMIT") == nil else { return }
        setenv("OMP_THREAD_LIMIT", "1", 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // exec failed (no /proc): go on without the limit, only slower.
        #endif
    }
}
