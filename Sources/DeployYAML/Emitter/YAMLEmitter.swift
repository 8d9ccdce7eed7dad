import CYAML

/// Writes `Node` trees back as YAML through libyaml's emitter.
///
/// Scalars keep their style where libyaml can write the text in it (libyaml falls back to a quoted style
/// otherwise) and their tags; a plain scalar is only written without quotes while it still resolves the same way.
/// Collections are written in block style, empty ones as `[]` and `{}`.
public struct YAMLEmitter: Sendable {
    /// Preferred line width; longer plain and quoted scalars are folded at spaces. `nil` means unlimited.
    public var width: Int?
    /// Spaces per indentation level, 2 to 9.
    public var indent: Int
    /// Write non-ASCII characters as they are (`true`) or as escapes in double-quoted scalars.
    public var allowUnicode: Bool

    /// An emitter with the given layout.
    public init(width: Int? = 80, indent: Int = 2, allowUnicode: Bool = true) {
        self.width = width
        self.indent = indent
        self.allowUnicode = allowUnicode
    }

    /// One document.
    public func emit(_ node: Node) throws(YAMLError) -> String {
        try emit(documents: [node])
    }

    /// A stream of documents, separated by `---`.
    public func emit(documents: [Node]) throws(YAMLError) -> String {
        let session = EmitterSession(width: width ?? -1, indent: indent, allowUnicode: allowUnicode)
        let source = documents.first?.source ?? "<output>"
        do throws(EmitterSession.Failure) {
            try session.emit { event in yaml_stream_start_event_initialize(event, YAML_UTF8_ENCODING) }
            for document in documents {
                try session.emit { event in yaml_document_start_event_initialize(event, nil, nil, nil, 1) }
                try emit(document, session)
                try session.emit { event in yaml_document_end_event_initialize(event, 1) }
            }
            try session.emit { event in yaml_stream_end_event_initialize(event) }
        } catch {
            throw YAMLError(message: "cannot write YAML: \(error.problem)", source: source, mark: nil)
        }
        return String(decoding: session.output.bytes, as: UTF8.self)
    }

    private func emit(_ node: Node, _ session: EmitterSession) throws(EmitterSession.Failure) {
        let tagText = node.tag?.rawValue
        switch node.content {
        case .scalar(let scalar):
            var plainImplicit: Int32 = 0
            var quotedImplicit: Int32 = 0
            if node.tag == nil {
                if scalar.style == .plain {
                    plainImplicit = 1
                    // Quoting a plain scalar is harmless only if it resolves to a string anyway.
                    quotedImplicit = ImplicitType(scalar.text) == .string ? 1 : 0
                } else {
                    quotedImplicit = 1
                }
            }
            let style = YAMLEmitter.style(scalar.style)
            var text = scalar.text
            var failure: EmitterSession.Failure?
            text.withUTF8 { value in
                do throws(EmitterSession.Failure) {
                    try session.emit { event in
                        withOptionalCString(tagText) { tag in
                            yaml_scalar_event_initialize(
                                event, nil, tag, value.baseAddress ?? UnsafePointer(EmitterSession.emptyString),
                                Int32(value.count), plainImplicit, quotedImplicit, style)
                        }
                    }
                } catch {
                    failure = error
                }
            }
            if let failure { throw failure }
        case .sequence(let items):
            try session.emit { event in
                withOptionalCString(tagText) { tag in
                    yaml_sequence_start_event_initialize(
                        event, nil, tag, node.tag == nil ? 1 : 0, YAML_BLOCK_SEQUENCE_STYLE)
                }
            }
            for item in items { try emit(item, session) }
            try session.emit { event in yaml_sequence_end_event_initialize(event) }
        case .mapping(let pairs):
            try session.emit { event in
                withOptionalCString(tagText) { tag in
                    yaml_mapping_start_event_initialize(
                        event, nil, tag, node.tag == nil ? 1 : 0, YAML_BLOCK_MAPPING_STYLE)
                }
            }
            for pair in pairs {
                try emit(pair.key, session)
                try emit(pair.value, session)
            }
            try session.emit { event in yaml_mapping_end_event_initialize(event) }
        }
    }

    private static func style(_ style: Node.Scalar.Style) -> yaml_scalar_style_t {
        switch style {
        case .plain: return YAML_PLAIN_SCALAR_STYLE
        case .singleQuoted: return YAML_SINGLE_QUOTED_SCALAR_STYLE
        case .doubleQuoted: return YAML_DOUBLE_QUOTED_SCALAR_STYLE
        case .literal: return YAML_LITERAL_SCALAR_STYLE
        case .folded: return YAML_FOLDED_SCALAR_STYLE
        }
    }
}

/// Calls `body` with a C string for `text`, or with `nil`.
private func withOptionalCString<R>(_ text: String?, _ body: (UnsafePointer<UInt8>?) -> R) -> R {
    guard let text else { return body(nil) }
    return text.withCString { pointer in
        pointer.withMemoryRebound(to: UInt8.self, capacity: text.utf8.count + 1) { body($0) }
    }
}

/// A libyaml emitter writing into memory, kept at a fixed address and freed in `deinit`.
private final class EmitterSession {
    struct Failure: Error {
        var problem: String
    }

    /// The bytes written so far; the write handler appends here.
    final class Output {
        var bytes: [UInt8] = []
    }

    nonisolated(unsafe) static let emptyString: UnsafeMutablePointer<UInt8> = {
        let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return pointer
    }()

    let emitter: UnsafeMutablePointer<yaml_emitter_t>
    let event: UnsafeMutablePointer<yaml_event_t>
    let output = Output()

    init(width: Int, indent: Int, allowUnicode: Bool) {
        emitter = .allocate(capacity: 1)
        event = .allocate(capacity: 1)
        yaml_emitter_initialize(emitter)
        yaml_emitter_set_output(
            emitter,
            { data, buffer, size in
                guard let data, let buffer else { return 1 }
                let output = Unmanaged<Output>.fromOpaque(data).takeUnretainedValue()
                output.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
                return 1
            }, Unmanaged.passUnretained(output).toOpaque())
        yaml_emitter_set_width(emitter, Int32(clamping: width))
        yaml_emitter_set_indent(emitter, Int32(clamping: indent))
        yaml_emitter_set_unicode(emitter, allowUnicode ? 1 : 0)
    }

    /// Initializes an event with `initialize` and emits it; libyaml takes ownership of the event either way.
    func emit(_ initialize: (UnsafeMutablePointer<yaml_event_t>) -> Int32) throws(Failure) {
        guard initialize(event) == 1 else { throw Failure(problem: "invalid event") }
        guard yaml_emitter_emit(emitter, event) == 1 else {
            throw Failure(problem: emitter.pointee.problem.map { String(cString: $0) } ?? "unknown problem")
        }
    }

    deinit {
        yaml_emitter_delete(emitter)
        emitter.deallocate()
        event.deallocate()
    }
}
