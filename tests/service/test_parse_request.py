"""Verify's request parser: chunks become views of the received bytes (no copies on the upload path), every
other message is what protobuf makes of it, errors included."""

from __future__ import annotations

import pytest
from google.protobuf.message import DecodeError

from shipgate.service.upload import parse_request
from shipgate.v1 import shipgate_service_pb2 as pb


@pytest.mark.parametrize("size", [0, 1, 127, 128, 16_383, 16_384, 1 << 20, (4 << 20) + 3])
def test_a_chunk_message_is_a_view_of_its_bytes(size: int) -> None:
    data = bytes(range(256)) * (size // 256) + bytes(size % 256)
    raw = pb.VerifyRequest(chunk=data).SerializeToString()
    message = parse_request(raw)
    assert message.WhichOneof("message") == "chunk"
    assert isinstance(message.chunk, memoryview)
    assert message.chunk.obj is raw
    assert message.chunk == data


def test_other_messages_are_parsed_by_protobuf() -> None:
    header = pb.VerifyRequest(header=pb.VerifyHeader(file_name="a.zip", declared_size=5))
    assert parse_request(header.SerializeToString()) == header
    # Two chunk fields in one message: protobuf's rule (the last one wins), not the fast path's.
    twice = pb.VerifyRequest(chunk=b"first").SerializeToString() + pb.VerifyRequest(chunk=b"last").SerializeToString()
    assert parse_request(twice).chunk == b"last"


@pytest.mark.parametrize(
    "raw",
    [b"\x12\x05ab", b"\x12\xff", b"\x12" + b"\xff" * 11, b"\xff\xff\xff\xff garbage \x00\x01"],
    ids=["short", "truncated length", "overlong length", "garbage"],
)
def test_malformed_messages_raise_protobufs_error(raw: bytes) -> None:
    with pytest.raises(DecodeError, match="Error parsing message"):
        parse_request(raw)
