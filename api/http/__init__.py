"""HTTP plumbing in front of both APIs: the response cache and the health probes."""
