"""A loopback fake of the OpenAI API, for fault-path tests, cassette writing and benchmarks.

It speaks just enough of the API for the LLM extractor: chat completions, file upload
and download, and batches. What each chat request gets is decided by a *responder*, a
function from the request to a ``Reply``; helpers build the common replies (an answer,
a refusal, a truncation, an HTTP error, a rate limit) and scripts (one reply after
another, or by the number of re-asks already in the conversation).

Before the responder sees a request, the fake rejects what the real server rejects
(``server=``), with the real server's wording, checked against its sources and users'
reports rather than guessed:

* ``openai``: a strict ``json_schema`` that breaks the strict subset (400 "Invalid schema
  for response_format ..."), and for reasoning models (o1, o3, o4-mini, gpt-5) any
  ``temperature`` but 1 (400 "Unsupported value: 'temperature' ...") and ``max_tokens``
  (400 "Unsupported parameter: 'max_tokens' ... Use 'max_completion_tokens' instead.").
* ``ollama``: no 400 for any ``response_format``; the schema is ignored and only
  ``max_tokens`` limits the answer (``max_completion_tokens`` is not read).
* ``llamacpp``: an older llama-server: ``json_schema`` is refused (400 "response_format
  type must be one of \"text\" or \"json_object\" ..."), ``json_object`` with a
  ``schema`` is enforced.

Batches end ``completed`` by default; ``batch_outcome`` makes them ``expired`` (the
first ``batch_answered`` requests answered, the rest in the error file as
``batch_expired``) or ``completed`` with failed lines in an error file (``partial``).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from stargate_digest.extractors.budget import chat_tokens, count_tokens

MODEL = "gpt-4o-mini"
ANSWERS = Path(__file__).resolve().parent / "llm" / "seed_answers.json"
SUMMARY = Path(__file__).resolve().parent / "llm" / "summary_answer.json"


@dataclass(frozen=True)
class Reply:
    """What the fake sends back for one request."""

    status: int = 200
    body: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    hang: float = 0.0  # seconds to wait before answering (longer than a client time-out)
    drop: bool = False  # close the connection without answering


Responder = Callable[[dict[str, Any]], Reply]


def completion(
    content: str | None,
    *,
    finish_reason: str = "stop",
    refusal: str | None = None,
    prompt_tokens: int = 1000,
    completion_tokens: int = 100,
) -> Reply:
    """A chat completion with one choice."""
    return Reply(
        body={
            "id": "chatcmpl-fake",
            "object": "chat.completion",
            "created": 1737600000,
            "model": "gpt-4o-mini-2024-07-18",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content, "refusal": refusal},
                    "finish_reason": finish_reason,
                    "logprobs": None,
                }
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
                "prompt_tokens_details": {"cached_tokens": 0},
            },
        }
    )


def claims_reply(claims: Sequence[dict[str, Any]]) -> Reply:
    """An answer in the response schema."""
    return completion(json.dumps({"claims": list(claims)}, ensure_ascii=False))


def error(status: int, message: str, headers: dict[str, str] | None = None) -> Reply:
    """An API error in OpenAI's shape."""
    body = {"error": {"message": message, "type": "fake_error", "param": None, "code": None}}
    return Reply(status=status, body=body, headers=headers or {})


def rate_limited(retry_after: str = "0") -> Reply:
    """A 429 as OpenAI sends it: the limit's wording and when to come back."""
    message = (
        "Rate limit reached for gpt-4o-mini in organization org-fake on requests per min "
        f"(RPM): Limit 3, Used 3, Requested 1. Please try again in {retry_after}s."
    )
    body = {"error": {"message": message, "type": "requests", "param": None,
                      "code": "rate_limit_exceeded"}}  # fmt: skip
    headers = {"retry-after": retry_after, "x-ratelimit-reset-requests": f"{retry_after}s"}
    return Reply(status=429, body=body, headers=headers)


def invalid_request(message: str, param: str | None, code: str | None) -> Reply:
    """A 400 ``invalid_request_error`` in OpenAI's shape."""
    body = {"error": {"message": message, "type": "invalid_request_error", "param": param,
                      "code": code}}  # fmt: skip
    return Reply(status=400, body=body)


REASONING_MODELS = re.compile(r"^(?:o\d|gpt-5)")


def strict_schema_problem(name: str, schema: Any, context: tuple[str, ...] = ()) -> str | None:
    """OpenAI's 400 message for a schema outside the strict subset, or None."""
    if isinstance(schema, dict):
        if schema.get("type") == "object" or "properties" in schema:
            where = f"Invalid schema for response_format '{name}': In context={context!r}, "
            if schema.get("additionalProperties") is not False:
                return where + "'additionalProperties' is required to be supplied and to be false."
            properties = list(schema.get("properties", {}))
            missing = [p for p in properties if p not in (schema.get("required") or [])]
            if missing:
                return (where + "'required' is required to be supplied and to be an array "
                        f"including every key in properties. Missing '{missing[0]}'.")  # fmt: skip
        for key, value in schema.items():
            if key == "properties" and isinstance(value, dict):
                for prop, sub in value.items():
                    found = strict_schema_problem(name, sub, (*context, "properties", prop))
                    if found:
                        return found
            elif isinstance(value, dict | list):
                found = strict_schema_problem(name, value, (*context, key))
                if found:
                    return found
    elif isinstance(schema, list):
        for item in schema:
            found = strict_schema_problem(name, item, context)
            if found:
                return found
    return None


def refusal_of(server: str, request: dict[str, Any]) -> Reply | None:
    """What ``server`` answers instead of a completion for ``request``, if anything."""
    response_format = request.get("response_format") or {}
    kind = response_format.get("type")
    if server == "openai":
        if kind == "json_schema":
            spec = response_format.get("json_schema") or {}
            if spec.get("strict"):
                problem = strict_schema_problem(spec.get("name", ""), spec.get("schema"))
                if problem:
                    return invalid_request(problem, "response_format", "invalid_json_schema")
        if REASONING_MODELS.match(str(request.get("model", ""))):
            temperature = request.get("temperature")
            if temperature is not None and temperature != 1:
                return invalid_request(
                    f"Unsupported value: 'temperature' does not support {float(temperature)} "
                    "with this model. Only the default (1) value is supported.",
                    "temperature", "unsupported_value",
                )  # fmt: skip
            if "max_tokens" in request:
                return invalid_request(
                    "Unsupported parameter: 'max_tokens' is not supported with this model. "
                    "Use 'max_completion_tokens' instead.",
                    "max_tokens", "unsupported_parameter",
                )  # fmt: skip
    if server == "llamacpp" and kind not in (None, "text", "json_object"):
        return invalid_request(
            'response_format type must be one of "text" or "json_object", but got: ' + str(kind),
            None, None,
        )  # fmt: skip
    return None


def claim(
    quote: str,
    value: float | str | None,
    unit: str | None,
    *,
    subject: str = "Stargate",
    metric: str = "total_investment",
    qualifier: str = "exact",
    statement: str = "",
    currency_candidates: Sequence[str] = (),
    equivalent_of_quote: str | None = None,
    value_max: float | None = None,
    as_of: str | None = None,
) -> dict[str, Any]:
    """One claim in the response schema."""
    return {
        "subject": subject,
        "metric": metric,
        "value": value,
        "value_max": value_max,
        "unit": unit,
        "qualifier": qualifier,
        "quote": quote,
        "statement": statement or f"{subject} {metric}: {value} {unit}",
        "scope": None,
        "as_of": as_of,
        "currency_candidates": list(currency_candidates),
        "equivalent_of_quote": equivalent_of_quote,
        "confidence": 0.9,
    }


def article_id(request: dict[str, Any]) -> str:
    """The article a chat request is about (from the user message's header)."""
    for message in request.get("messages", []):
        found = re.search(r"^Article id: (\S+)", str(message.get("content", "")), re.MULTILINE)
        if message.get("role") == "user" and found:
            return found.group(1)
    return ""


def attempt(request: dict[str, Any]) -> int:
    """0 for a first request, n for the n-th re-ask (assistant turns fed back)."""
    return sum(1 for m in request.get("messages", []) if m.get("role") == "assistant")


def in_turn(*replies: Reply) -> Responder:
    """Replies one after another, whatever is asked; the last one repeats."""
    lock = threading.Lock()
    queue = list(replies)

    def respond(request: dict[str, Any]) -> Reply:
        with lock:
            return queue.pop(0) if len(queue) > 1 else queue[0]

    return respond


def by_attempt(*replies: Reply) -> Responder:
    """The reply for the request's re-ask number (stateless, so safe to record)."""
    return lambda request: replies[min(attempt(request), len(replies) - 1)]


def seed_answers(path: Path = ANSWERS) -> Responder:
    """The hand-written answers for the seed articles, by article id, with token counts
    as tiktoken makes them (so usage and cost come out realistic)."""
    answers: dict[str, list[dict[str, Any]]] = json.loads(path.read_text("utf-8"))

    def respond(request: dict[str, Any]) -> Reply:
        content = json.dumps({"claims": answers.get(article_id(request), [])}, ensure_ascii=False)
        return completion(
            content,
            prompt_tokens=chat_tokens([m["content"] for m in request["messages"]], MODEL),
            completion_tokens=count_tokens(content, MODEL),
        )

    return respond


def with_summary(extraction: Responder, path: Path = SUMMARY) -> Responder:
    """``extraction`` for claim requests; the hand-written summary for the digest's request.

    Two of the summary's five sentences are wrong on purpose (a claim id that does not
    exist, a figure its claim does not hold), so that replaying proves they are dropped.
    """
    content = path.read_text("utf-8")

    def respond(request: dict[str, Any]) -> Reply:
        system = str(request["messages"][0].get("content", ""))
        if system.startswith("You write the summary"):
            return completion(content, completion_tokens=count_tokens(content, MODEL))
        return extraction(request)

    return respond


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as separate small writes
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        self.server.fake.track(+1)
        try:
            self._post()
        finally:
            self.server.fake.track(-1)

    def _post(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        fake = self.server.fake
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            if self.path.endswith("/chat/completions"):
                request = json.loads(raw)
                fake.log(self.path, request)
                self._reply(fake.chat(request))
            elif self.path.endswith("/files"):
                self._reply(Reply(body=fake.upload(self.headers["Content-Type"], raw)))
            elif self.path.endswith("/batches"):
                request = json.loads(raw)
                fake.log(self.path, request)
                refused = fake.batch_refusal
                self._reply(refused or Reply(body=fake.create_batch(request)))
            else:
                self._reply(error(404, f"no route {self.path}"))

    def do_GET(self) -> None:
        fake = self.server.fake
        batch = re.fullmatch(r".*/batches/([\w-]+)", self.path)
        content = re.fullmatch(r".*/files/([\w-]+)/content", self.path)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            if self.path.endswith("/stats"):
                stats = {
                    "chat_requests": len(fake.chat_requests),
                    "max_in_flight": fake.max_in_flight,
                }
                self._send(200, json.dumps(stats).encode(), "application/json", {})
            elif batch:
                fake.log(self.path, {})
                self._reply(Reply(body=fake.poll_batch(batch.group(1))))
            elif content:
                self._send(200, fake.files[content.group(1)], "application/octet-stream", {})
            else:
                self._reply(error(404, f"no route {self.path}"))

    def _reply(self, reply: Reply) -> None:
        if reply.drop:
            self.close_connection = True
            return
        if reply.hang:
            self.server.stopping.wait(reply.hang)
        elif self.server.fake.delay:
            time.sleep(self.server.fake.delay)
        body = json.dumps(reply.body).encode()
        self._send(reply.status, body, "application/json", reply.headers)

    def _send(self, status: int, body: bytes, kind: str, headers: dict[str, str]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128
    stopping: threading.Event
    fake: FakeOpenAI


class FakeOpenAI:
    """The fake server on 127.0.0.1; use as a context manager, point ``base_url`` at it.

    ``delay`` is added to every answer (the benchmark's model latency). ``requests``
    lists every chat and batch request as (path, JSON body), for assertions.
    """

    def __init__(
        self, responder: Responder | None = None, *, delay: float = 0.0, server: str = "openai"
    ) -> None:
        self.responder = responder or seed_answers()
        self.delay = delay
        self.server = server
        self.batch_outcome = "completed"  # or "expired", "partial"
        self.batch_answered = 1  # requests answered before a batch expires
        self.batch_refusal: Reply | None = None  # what POST /batches answers instead
        self.requests: list[tuple[str, dict[str, Any]]] = []
        self.files: dict[str, bytes] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.polls_before_done = 1
        self._ids = itertools.count(1)
        self._prefixes: set[str] = set()
        self._in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.stopping = threading.Event()
        self._httpd.fake = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    @property
    def chat_requests(self) -> list[dict[str, Any]]:
        return [body for path, body in self.requests if path.endswith("/chat/completions")]

    def track(self, change: int) -> None:
        """Count requests being served, keeping the peak in ``max_in_flight``."""
        with self._lock:
            self._in_flight += change
            self.max_in_flight = max(self.max_in_flight, self._in_flight)

    def log(self, path: str, body: dict[str, Any]) -> None:
        with self._lock:
            self.requests.append((path, body))

    def chat(self, request: dict[str, Any]) -> Reply:
        """The responder's reply, with prompt caching simulated as OpenAI does it: a
        repeated prefix of 1024+ tokens is served from cache in steps of 128 tokens.
        What the server refuses never reaches the responder."""
        refused = refusal_of(self.server, request)
        if refused is not None:
            return refused
        reply = self.responder(request)
        usage = reply.body.get("usage")
        system = next((m for m in request.get("messages", []) if m["role"] == "system"), None)
        if usage and system:
            prefix = count_tokens(system["content"], MODEL)
            with self._lock:
                seen = system["content"] in self._prefixes
                self._prefixes.add(system["content"])
            cached = prefix // 128 * 128 if seen and prefix >= 1024 else 0
            usage["prompt_tokens_details"] = {"cached_tokens": min(cached, usage["prompt_tokens"])}
        return reply

    def upload(self, content_type: str, raw: bytes) -> dict[str, Any]:
        """Keep an uploaded (multipart) file; only its ``file`` part matters."""
        message = BytesParser(policy=HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + raw
        )
        data = b""
        for part in message.iter_parts():
            if part.get_param("name", header="content-disposition") == "file":
                payload = part.get_payload(decode=True)
                data = payload if isinstance(payload, bytes) else b""
        file_id = f"file-{next(self._ids)}"
        self.files[file_id] = data
        return {"id": file_id, "object": "file", "bytes": len(data), "created_at": 0,
                "filename": "batch.jsonl", "purpose": "batch", "status": "processed"}  # fmt: skip

    def create_batch(self, request: dict[str, Any]) -> dict[str, Any]:
        batch_id = f"batch_{next(self._ids)}"
        self.batches[batch_id] = {"input_file_id": request["input_file_id"], "polls": 0}
        return self._batch_body(batch_id, "validating", None)

    def poll_batch(self, batch_id: str) -> dict[str, Any]:
        """In progress for ``polls_before_done`` polls, then completed with its output."""
        batch = self.batches[batch_id]
        batch["polls"] += 1
        if batch["polls"] <= self.polls_before_done:
            return self._batch_body(batch_id, "in_progress", None)
        if "output_file_id" not in batch:
            batch["output_file_id"], batch["error_file_id"] = self._run_batch(
                batch["input_file_id"]
            )
        status = "expired" if self.batch_outcome == "expired" else "completed"
        return self._batch_body(batch_id, status, batch["output_file_id"], batch["error_file_id"])

    def _run_batch(self, input_file_id: str) -> tuple[str | None, str | None]:
        """Answer the requests; as OpenAI does, failed lines go to a separate error file."""
        lines: list[str] = []
        errors: list[str] = []
        for number, line in enumerate(self.files[input_file_id].decode().splitlines()):
            request = json.loads(line)
            custom_id = request["custom_id"]
            if self.batch_outcome == "expired" and number >= self.batch_answered:
                failure = {"code": "batch_expired",
                           "message": "This request could not be executed before the "
                                      "completion window expired."}  # fmt: skip
                errors.append(json.dumps({"id": "r", "custom_id": custom_id, "response": None,
                                          "error": failure}))  # fmt: skip
                continue
            reply = self.chat(request["body"])
            response = {"status_code": reply.status, "request_id": "req", "body": reply.body}
            record = json.dumps({"id": "r", "custom_id": custom_id, "response": response,
                                 "error": None})  # fmt: skip
            (errors if reply.status != 200 and self.batch_outcome == "partial" else lines).append(
                record
            )
        return self._file(lines), self._file(errors)

    def _file(self, lines: list[str]) -> str | None:
        if not lines:
            return None
        file_id = f"file-{next(self._ids)}"
        self.files[file_id] = ("\n".join(lines) + "\n").encode()
        return file_id

    def _batch_body(
        self, batch_id: str, status: str, output: str | None, errors: str | None = None
    ) -> dict[str, Any]:
        return {
            "id": batch_id, "object": "batch", "endpoint": "/v1/chat/completions",
            "input_file_id": self.batches[batch_id]["input_file_id"],
            "completion_window": "24h", "status": status, "output_file_id": output,
            "error_file_id": errors, "created_at": 0,
        }  # fmt: skip

    def __enter__(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


def serve() -> None:
    """``python tests/fake_openai.py [--delay S] [--empty]``: serve until interrupted.

    Prints the base URL on the first line. A separate process is what benchmarks want:
    in the client's process the server's threads would compete with it for the GIL.
    ``GET {base_url}/stats`` tells how many chat calls were made and the peak in flight.
    """
    import argparse
    import sys

    parser = argparse.ArgumentParser(description="loopback fake of the OpenAI API")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds added to each answer")
    parser.add_argument("--empty", action="store_true", help="answer no claims, not the seeds'")
    args = parser.parse_args()
    responder = in_turn(claims_reply([])) if args.empty else seed_answers()
    with FakeOpenAI(responder, delay=args.delay) as fake:
        print(fake.base_url, flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            sys.stdin.read()  # until the parent closes our stdin or we are interrupted


if __name__ == "__main__":
    serve()
