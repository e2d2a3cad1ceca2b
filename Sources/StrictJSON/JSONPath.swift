// Paths into a JSON document as issues print them: `projects[3].demands[1].hours`.

/// One step of a JSON path: an object key or an array index.
package enum JSONPathComponent: Sendable, Equatable {
    case key(String)
    case index(Int)

    /// Renders components as `projects[3].demands[1].hours`.
    package static func render(_ components: some Sequence<JSONPathComponent>) -> String {
        var path = ""
        for component in components {
            switch component {
            case .key(let key): path = JSONPath.member(path, key)
            case .index(let index): path += "[\(index)]"
            }
        }
        return path
    }
}

/// Builds path strings the way issues print them.
package enum JSONPath {
    /// `base.key`, or `base["key"]` when the key would not read as one plain word.
    package static func member(_ base: String, _ key: String) -> String {
        let plain = !key.isEmpty && key.utf8.allSatisfy { byte in
            byte > 0x20 && byte != UInt8(ascii: ".") && byte != UInt8(ascii: "[")
                && byte != UInt8(ascii: "]") && byte != UInt8(ascii: "\"") && byte != 0x7F
        }
        if plain { return base.isEmpty ? key : base + "." + key }
        let quoted = String(decoding: JSONValue.string(key).serialized(), as: UTF8.self)
        return base + "[" + quoted + "]"
    }
}
