import CYAML

/// Owns a libyaml parser and its current event; both live at fixed addresses because libyaml keeps pointers to
/// them, and both are freed in `deinit`.
final class EventParser {
    let parser: UnsafeMutablePointer<yaml_parser_t>
    let event: UnsafeMutablePointer<yaml_event_t>
    private var holdsEvent = false

    /// A parser reading `input`, which must stay alive and unmoved while the parser is used.
    init(input: UnsafeBufferPointer<UInt8>) {
        parser = .allocate(capacity: 1)
        event = .allocate(capacity: 1)
        yaml_parser_initialize(parser)
        // Force UTF-8: a byte order mark has already been removed, and UTF-16 input is reported as invalid UTF-8.
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        if let base = input.baseAddress {
            yaml_parser_set_input_string(parser, base, input.count)
        } else {
            yaml_parser_set_input_string(parser, EventParser.empty, 0)
        }
    }

    nonisolated(unsafe) private static let empty: UnsafeMutablePointer<UInt8> = {
        let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return pointer
    }()

    /// Reads the next event into `event`; `false` when libyaml reports an error (see `parser.pointee`).
    func next() -> Bool {
        if holdsEvent {
            yaml_event_delete(event)
            holdsEvent = false
        }
        guard yaml_parser_parse(parser, event) == 1 else { return false }
        holdsEvent = true
        return true
    }

    deinit {
        if holdsEvent { yaml_event_delete(event) }
        yaml_parser_delete(parser)
        parser.deallocate()
        event.deallocate()
    }
}
