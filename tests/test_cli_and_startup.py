"""Starting from nothing: the embedded default migrates itself, PostgreSQL refuses until migrated; the CLI."""
from __future__ import annotations

from api.app import create_app
from api.settings import Settings
from tests.support.cli import empty_database_url, run_cli  # noqa: F401 (fixtures)


async def test_unmigrated_database(empty_database_url, db_engine, aiohttp_client):
    settings = Settings(database_url=empty_database_url, secret_key="x" * 32)
    if db_engine == "sqlite":  # the embedded default migrates itself
        client = await aiohttp_client(create_app(settings))
        assert (await client.get("/healthz")).status == 200
        return
    result = run_cli("serve", "--port", "1", database_url=empty_database_url)
    assert result.returncode == 1
    assert "python main.py migrate" in result.stderr
    migrated = run_cli("migrate", database_url=empty_database_url)
    assert migrated.returncode == 0
    assert "数据库已是最新" in migrated.stdout  # the CLI speaks Chinese (issue 16)
    client = await aiohttp_client(create_app(settings))
    assert (await client.get("/healthz")).status == 200


def test_create_user_cli(empty_database_url):
    assert run_cli("migrate", database_url=empty_database_url).returncode == 0
    ok = run_cli("create-user", "--role", "admin", "--username", "root1", "--password", "long enough pw",
                 database_url=empty_database_url)
    assert ok.returncode == 0, ok.stderr
    dup = run_cli("create-user", "--role", "admin", "--username", "root1", "--password", "long enough pw",
                  database_url=empty_database_url)
    assert dup.returncode == 1
    assert "用户名已存在" in dup.stderr
    staff = run_cli("create-user", "--role", "merchant_staff", "--username", "c1", "--password", "long enough pw",
                    database_url=empty_database_url)
    assert staff.returncode == 1
    assert "商户" in staff.stderr
    merchant = run_cli("create-merchant", "--name", "测试专柜", "--region", "441821", database_url=empty_database_url)
    assert merchant.returncode == 0, merchant.stderr
    staff = run_cli("create-user", "--role", "merchant_staff", "--username", "c1", "--password", "long enough pw",
                    "--merchant", "1", database_url=empty_database_url)
    assert staff.returncode == 0, staff.stderr
    bad = run_cli("create-user", "--role", "wizard", "--username", "x", "--password", "y",
                  database_url=empty_database_url)
    assert bad.returncode == 2


def test_unreachable_database_is_a_clear_error():
    result = run_cli("migrate", database_url="postgres://nobody@127.0.0.1:1/none")
    assert result.returncode == 1
    assert "无法连接数据库" in result.stderr
