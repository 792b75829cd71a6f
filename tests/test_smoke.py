import socket

import pytest


def test_outside_network_is_blocked() -> None:
    with pytest.raises(Exception, match=r"(?i)network"):
        socket.create_connection(("198.51.100.1", 80), timeout=1)
