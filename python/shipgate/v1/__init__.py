"""``shipgate.v1``: the protobuf and gRPC modules generated from ``proto/shipgate/v1/*.proto`` (``report_pb2``,
``shipgate_service_pb2``, ``shipgate_service_pb2_grpc``, ``admin_service_pb2``...) with their type stubs.

Generated ahead of time and committed (``python -m shipgate.service.codegen``; never edited by hand, never
generated at run time); a test fails when they differ from what the pinned generators write.
"""
