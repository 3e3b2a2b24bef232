"""A PostgreSQL database read through `psql` (no Python driver to install), with the small part
of sqlite3's interface the harnesses use: `execute(sql, params).fetchone()/fetchall()` and
iteration. Parameters are integers only (the harnesses pass record numbers), written into the
statement in place of `?`. Values come back as int, None (NULL) or str."""
import subprocess


def is_url(target):
    return target.startswith("postgres://") or target.startswith("postgresql://")


class Rows:
    def __init__(self, rows):
        self.rows = rows

    def fetchone(self):
        return self.rows[0] if self.rows else None

    def fetchall(self):
        return self.rows

    def __iter__(self):
        return iter(self.rows)


def _value(text):
    if text == "":
        return None
    if text.lstrip("-").isdigit():
        return int(text)
    return text


class PsqlDatabase:
    SEPARATOR = "\x1f"

    def __init__(self, url):
        self.url = url

    def execute(self, sql, params=()):
        for value in params:
            sql = sql.replace("?", str(int(value)), 1)
        done = subprocess.run(["psql", self.url, "-X", "-q", "-A", "-t", "-F", self.SEPARATOR, "-v", "ON_ERROR_STOP=1", "-c", sql],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"psql: {done.stderr.strip()} in: {sql[:200]}")
        return Rows([tuple(_value(v) for v in line.split(self.SEPARATOR)) for line in done.stdout.splitlines()])

    def close(self):
        pass
