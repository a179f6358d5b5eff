"""zhihui 智·慧服务: the digital service front of a life insurer."""

__version__ = "0.1.0"
