import Foundation

/// The trained models' `model_content`: JSON, with non-finite weights (a diverged run) as strings.
enum TrainedModelCoding {
    static func encode(_ model: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return [UInt8](try encoder.encode(model))
    }

    static func decode<T: Decodable>(_ type: T.Type, from content: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try decoder.decode(type, from: content)
    }
}
