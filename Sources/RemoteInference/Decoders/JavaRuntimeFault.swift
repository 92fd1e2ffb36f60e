/// A Java `ClassCastException`, `NullPointerException` or `IllegalArgumentException` that ml-commons
/// would hit on unexpected upstream data; its handler then drops the rest of the event
/// (`HttpStreamingHandler.java:191-196`).
enum JavaRuntimeFault: Error, Sendable {
    /// A value had another JSON kind than the Java cast expects.
    case classCast
    /// A `null` was dereferenced or put into `Map.of`.
    case nullPointer
    /// gson refused to write a value (a non-finite number).
    case illegalArgument
}
