"""The Redis cache makes one client per connection pool (netwerk/rediscache.py), and still
stores and reads like Django's own."""

import uuid

import pytest
import redis

from netwerk.rediscache import RedisCache

# The Redis database of this project's benchmarks in development (skipped without Redis);
# the test removes the key it stores.
REDIS = "redis://127.0.0.1:6379/4"


def test_een_client_per_pool_en_de_cache_werkt():
    cache = RedisCache(REDIS, {"KEY_PREFIX": "test-rediscache"})
    assert cache._cache.get_client() is cache._cache.get_client(write=True)
    try:
        cache._cache.get_client().ping()
    except redis.ConnectionError:
        pytest.skip("Geen Redis op 127.0.0.1:6379.")
    sleutel = uuid.uuid4().hex
    cache.set(sleutel, {"kaartje": "<li>"}, 60)
    assert cache.get(sleutel) == {"kaartje": "<li>"}
    assert cache.get_many([sleutel, "ontbreekt"]) == {sleutel: {"kaartje": "<li>"}}
    cache.delete(sleutel)
    assert cache.get(sleutel) is None
