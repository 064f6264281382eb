"""The upload gate: its [gate] settings, the forward to the downstream repository, the quarantine of what it refused."""
