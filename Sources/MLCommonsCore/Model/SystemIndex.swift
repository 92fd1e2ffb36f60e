/// The ml-commons system indices.
public enum SystemIndex {
    public static let connector = ".plugins-ml-connector"
    public static let model = ".plugins-ml-model"
    public static let modelGroup = ".plugins-ml-model-group"
    public static let task = ".plugins-ml-task"
    public static let agent = ".plugins-ml-agent"
    public static let config = ".plugins-ml-config"
    public static let controller = ".plugins-ml-controller"
}
