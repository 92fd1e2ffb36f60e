// MockLLM
