"""Scheduled digests: ``stargate-digest digest`` for cron and systemd timers."""

from stargate_digest.schedule.config import JobConfig, load_config
from stargate_digest.schedule.job import JobBusyError, RunReport, run_job

__all__ = ["JobBusyError", "JobConfig", "RunReport", "load_config", "run_job"]
