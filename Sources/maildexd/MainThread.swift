import ArgumentParser
import Dispatch

/// The process's entry point. The main thread stays alive here while ``MaildexD`` runs in Swift
/// concurrency. With an async `@main`, libdispatch ends the main thread (`pthread_exit` in
/// `dispatch_main`); a thread that has ended keeps its credentials, and it is the one
/// `/proc/<pid>/status` and `ps` report, so after setuid the process would still show as root.
/// A live main thread takes part in glibc's process-wide setuid like every other thread.
@main
enum MainThread {
    static func main() {
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            await MaildexD.main(nil)
            done.signal()
        }
        done.wait()
    }
}
