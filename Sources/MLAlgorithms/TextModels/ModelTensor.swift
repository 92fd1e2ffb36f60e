import Foundation
import MLCommonsCore

/// One tensor of a local model's output, rendered as `ModelTensor.toXContent` writes it:
/// `name`, `data_type`, `shape`, `data`, `byte_buffer`, `result`, `dataAsMap`.
public struct ModelTensor: Sendable, Hashable {
    public enum DataType: String, Sendable, Hashable {
        case float32 = "FLOAT32"
        case int64 = "INT64"
    }

    public var name: String?
    public var dataType: DataType?
    public var shape: [Int]?
    /// Values in row-major order; `Float` for `FLOAT32`, whole numbers for `INT64`.
    public var values: [Double]
    public var result: String?
    public var dataAsMap: JSONObject?
    public var includesData = true
    public var includesBytes = true

    public static func floats(_ name: String, shape: [Int], _ values: [Float]) -> ModelTensor {
        ModelTensor(name: name, dataType: .float32, shape: shape, values: values.map(Double.init))
    }

    public static func longs(_ name: String, _ values: [Int]) -> ModelTensor {
        ModelTensor(name: name, dataType: .int64, shape: [values.count], values: values.map(Double.init))
    }

    public static func map(_ name: String, _ dataAsMap: JSONObject) -> ModelTensor {
        ModelTensor(name: name, values: [], dataAsMap: dataAsMap, includesBytes: false)
    }

    /// A text result without a name (an extractive answer).
    public static func text(_ result: String) -> ModelTensor {
        ModelTensor(name: nil, values: [], result: result, includesBytes: false)
    }

    public var json: JSONValue {
        var object = JSONObject()
        if let name { object["name"] = .string(name) }
        if let dataType { object["data_type"] = .string(dataType.rawValue) }
        if let shape { object["shape"] = .array(shape.map { .number(JSONNumber($0)) }) }
        if includesData, dataType != nil { object["data"] = .array(values.map(number)) }
        if includesBytes, dataType != nil {
            object["byte_buffer"] = ["array": .string(littleEndianBytes().base64EncodedString()), "order": "LITTLE_ENDIAN"]
        }
        if let result { object["result"] = .string(result) }
        if let dataAsMap { object["dataAsMap"] = .object(dataAsMap) }
        return .object(object)
    }

    private func number(_ value: Double) -> JSONValue {
        switch dataType {
        case .int64: .number(JSONNumber(Int(value)))
        default: .number(JSONNumber(text: JavaDouble.string(Float(value))))
        }
    }

    /// `NDArray.toByteBuffer()`: the values in the array's own type, little-endian.
    private func littleEndianBytes() -> Data {
        var bytes = Data()
        for value in values {
            switch dataType {
            case .int64: withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
            default: withUnsafeBytes(of: Float(value).bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
            }
        }
        return bytes
    }
}
