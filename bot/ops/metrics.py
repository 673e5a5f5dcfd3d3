"""Prometheus metrics for operations (the official client), served on ``/metrics``.

No label holds anything personal: kinds of update, channels, intents and error classes are
small closed sets.
"""

from __future__ import annotations

from aiohttp import web
from prometheus_client import CollectorRegistry, Counter, Histogram, ProcessCollector
from prometheus_client.aiohttp import make_aiohttp_handler

PATH = "/metrics"
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Metrics:
    """The bot's metrics in a registry of their own."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        ProcessCollector(registry=self.registry)
        self.updates = Counter(
            "bot_updates",
            "Updates received from Telegram, by kind.",
            ["kind"],
            registry=self.registry,
        )
        self.replies = Counter(
            "bot_replies",
            "Messages answered by the core, by channel.",
            ["channel"],
            registry=self.registry,
        )
        self.failures = Counter(
            "bot_failures",
            "Failures while handling an update, by kind of error.",
            ["kind"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "bot_reply_seconds",
            "Seconds from the start of handling a message to its answer being sent.",
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.intents = Counter(
            "bot_messages",
            "Messages answered by the core, by intent.",
            ["intent"],
            registry=self.registry,
        )

    async def serve(self, host: str, port: int) -> web.AppRunner:
        """Serve ``GET /metrics`` on ``host:port`` (no access log) until the runner's
        ``cleanup()``."""
        app = web.Application()
        app.router.add_get(PATH, make_aiohttp_handler(self.registry))
        runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=1.0)
        await runner.setup()
        try:
            await web.TCPSite(runner, host, port).start()
        except BaseException:  # e.g. the port is taken: nothing left behind
            await runner.cleanup()
            raise
        return runner
