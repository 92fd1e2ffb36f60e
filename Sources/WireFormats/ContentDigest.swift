import Crypto

/// The SHA-256 of a model artifact as ml-commons records it in `model_content_hash_value`: lowercase hex.
public enum ContentDigest {
    public static func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(bytes))
        return hasher.finalize().lowercaseHex
    }
}
