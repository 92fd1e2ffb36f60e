// RemoteInference
