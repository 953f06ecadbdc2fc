// Byte transport over a pair of file descriptors (stdin/stdout in production, pipes in tests).
// Reading uses a dedicated thread and plain read(2): FileHandle.readabilityHandler has had
// Linux quirks (zero-byte callbacks, missed EOF on pipes), and a thread keeps arrival order.

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the transport hands to its handler, strictly in arrival order.
public enum IncomingEvent: Sendable, Hashable {
    /// A well-formed message.
    case message(Message)
    /// A complete body that was bad JSON or not a valid JSON-RPC message.
    case invalidMessage(MessageDecodingError)
    /// Broken framing; the transport has already resynchronised and keeps reading.
    case framingError(FramingError)
}

/// A failure to write to the output descriptor.
public enum TransportError: Error, Sendable, Hashable {
    /// write(2) failed with this errno (EPIPE once the client has gone away).
    case writeFailed(errno: Int32)
}

/// Reads framed JSON-RPC messages from one descriptor and writes them to another.
public final class Transport: @unchecked Sendable {
    /// The descriptor messages are read from.
    public let inputDescriptor: Int32
    /// The descriptor messages are written to.
    public let outputDescriptor: Int32

    // Guards writes and `started`; one frame is written completely before the next begins.
    private let lock = NSLock()
    private var started = false

    /// Wraps existing descriptors (not closed by the transport); also ignores SIGPIPE so a
    /// vanished client produces an EPIPE error instead of killing the process.
    public init(input: Int32, output: Int32) {
        self.inputDescriptor = input
        self.outputDescriptor = output
        ignoreSIGPIPE()
    }

    /// A transport on the real stdin/stdout, after moving stderr onto fd 1 so a stray
    /// `print` lands in the log instead of corrupting the protocol stream.
    public static func standardIO() -> Transport {
        let output = divertOutput(protocolDescriptor: STDOUT_FILENO, logDescriptor: STDERR_FILENO) ?? STDOUT_FILENO
        return Transport(input: STDIN_FILENO, output: output)
    }

    /// Dups `protocolDescriptor` to a private close-on-exec descriptor, then points
    /// `protocolDescriptor` at `logDescriptor`. Returns the private descriptor, or nil on failure.
    static func divertOutput(protocolDescriptor: Int32, logDescriptor: Int32) -> Int32? {
        fflush(nil)  // push out anything already buffered for the old stdout
        let privateDescriptor = dup(protocolDescriptor)
        guard privateDescriptor >= 0 else { return nil }
        _ = fcntl(privateDescriptor, F_SETFD, FD_CLOEXEC)  // child processes must not inherit the channel
        guard dup2(logDescriptor, protocolDescriptor) >= 0 else {
            close(privateDescriptor)
            return nil
        }
        return privateDescriptor
    }

    /// Starts the reader thread. `onEvent` is called on that thread for each message or error,
    /// in order; `onClose` once at end of input (or an unrecoverable read error).
    public func start(onEvent: @escaping @Sendable (IncomingEvent) -> Void,
                      onClose: @escaping @Sendable () -> Void) {
        lock.lock()
        precondition(!started, "Transport.start called twice")
        started = true
        lock.unlock()

        let input = inputDescriptor
        let thread = Thread {
            Transport.readLoop(descriptor: input, onEvent: onEvent)
            onClose()
        }
        thread.name = "LanguageServerProtocol.Transport.reader"
        thread.stackSize = 8 << 20  // handlers run here; leave room for deep JSON and analysis
        thread.start()
    }

    private static func readLoop(descriptor: Int32, onEvent: @Sendable (IncomingEvent) -> Void) {
        var framer = MessageFramer()
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return
            }
            if count == 0 { return }  // EOF: the client closed the pipe
            framer.append(chunk[0..<count])
            while let output = framer.next() {
                switch output {
                case .body(let body):
                    do {
                        onEvent(.message(try Message(bytes: body)))
                    } catch {
                        onEvent(.invalidMessage(error))
                    }
                case .error(let error):
                    onEvent(.framingError(error))
                }
            }
        }
    }

    /// Frames and writes one message; safe to call from any thread.
    public func send(_ message: Message) throws {
        try sendBody(message.serialized())
    }

    /// Frames and writes an already-serialised JSON body; safe to call from any thread.
    public func sendBody(_ body: [UInt8]) throws {
        let frame = MessageFramer.frame(body)
        lock.lock()
        defer { lock.unlock() }
        try writeAll(frame)
    }

    /// Loops over partial writes and EINTR so the frame goes out whole.
    private func writeAll(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let written = write(outputDescriptor, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw TransportError.writeFailed(errno: errno)
                }
                offset += written
            }
        }
    }
}

private func ignoreSIGPIPE() {
    _ = signal(SIGPIPE, SIG_IGN)
}
