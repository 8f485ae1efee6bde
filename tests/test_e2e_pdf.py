"""The PDF reports through Odoo's report route, as a browser asks for them: a unit officer
prints the annual report of their unit; an officer of another unit is refused.

The server renders the PDF with wkhtmltopdf, which loads the report's stylesheets from the
server's own address (`web.base.url`, or `report.url` when set). `make test` installs
wkhtmltopdf, pdftotext and the fonts.
"""

import subprocess

import pytest
import requests

REPORT_ROUTE = "/report/pdf/gender_equality_plan.report_unit_report/{}"


def web_session(server, login, password=None):
    """A browser-like session of ``login`` (cookie ``session_id``)."""
    url, db = server
    session = requests.Session()
    response = session.post(
        f"{url}/web/session/authenticate",
        json={"jsonrpc": "2.0", "params": {"db": db, "login": login, "password": password or login}},
        timeout=60,
    )
    assert response.json().get("result", {}).get("uid"), f"login {login} refused"
    return session


@pytest.fixture(scope="module")
def report_of_tho_xuan(xmlrpc_as):
    """The demo annual report 2025 of Trung tâm Y tế Thọ Xuân (accepted)."""
    officer = xmlrpc_as("canbo.thoxuan")
    [report] = officer.call(
        "gender.equality.report", "search_read", [("year", "=", 2025)], ["unit_id", "state"]
    )
    return report


def test_unit_officer_prints_the_report_of_their_unit(server, report_of_tho_xuan):
    session = web_session(server, "canbo.thoxuan")
    response = session.get(server[0] + REPORT_ROUTE.format(report_of_tho_xuan["id"]), timeout=120)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    text = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"],
        input=response.content,
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout.decode()
    for fragment in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "BÁO CÁO",
        "TRUNG TÂM Y TẾ THỌ XUÂN",
        "Kết quả thực hiện công tác truyền thông về bình đẳng giới năm 2025",
    ):
        assert fragment in text


def test_officer_of_another_unit_is_refused(server, report_of_tho_xuan):
    session = web_session(server, "canbo.bvdk")
    response = session.get(
        server[0] + REPORT_ROUTE.format(report_of_tho_xuan["id"]), timeout=120, allow_redirects=False
    )
    # 403 when refused before rendering; 500 when the record rule refuses a read during the
    # rendering (Odoo wraps the AccessError in a QWebException). Never a document.
    assert response.status_code in (403, 500)
    assert not response.content.startswith(b"%PDF")
    assert "THỌ XUÂN" not in response.text
