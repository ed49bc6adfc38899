"""Each staff page admits only its own people: a clerk who opens the administrator's, supplier's or officials'
page (or an administrator the merchant's) is told which account to use and stays at the login form."""
from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ADMIN, CLERK, login_staff


@pytest.mark.parametrize(("path", "account", "said"), [
    ("/admin", CLERK, "该账号不是管理员，请使用管理员账号登录"),
    ("/supplier", CLERK, "请使用供应商账号登录"),
    ("/official", CLERK, "请使用审核人员账号登录"),
    ("/merchant", ADMIN, "请使用专柜店员账号登录"),
])
def test_a_staff_page_refuses_another_role(page: Any, path: str, account: tuple[str, str], said: str) -> None:
    login_staff(page, path, *account)
    expect(page.get_by_text(said)).to_be_visible()
    expect(page.locator("#login")).to_be_visible()
    expect(page.locator("#app")).to_be_hidden()
    expect(page.locator("#logout")).to_be_hidden()


def test_the_right_role_gets_the_page_and_its_name(page: Any) -> None:
    login_staff(page, "/admin", *ADMIN)
    expect(page.locator("#who")).to_contain_text("管理员")
    expect(page.locator("#app")).to_be_visible()
    expect(page.locator("#login")).to_be_hidden()
