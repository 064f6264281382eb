"""The shipgate service: gRPC ``shipgate.v1`` (verify, verdicts, admission, administration) and the HTTP side
(Kubernetes AdmissionReview, JSON admit, Prometheus metrics), served by ``shipgate serve``."""
