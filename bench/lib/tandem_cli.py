"""Running the `tandem` binary from the harnesses, and the checks newer builds provide."""
import os
import subprocess

ENV = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")


def has(bin_path, *argv):
    """Whether this build has the subcommand: an unknown one falls back to the console's help."""
    done = subprocess.run([bin_path, *argv, "--help"], capture_output=True, text=True, env=ENV)
    return done.returncode == 0 and ("tandem " + " ".join(argv)) in done.stdout


def checks(bin_path, db_path):
    """`tandem check` and `tandem log --verify`, when this build has them: [(name, ok, output)]."""
    found = []
    if has(bin_path, "check"):
        for name, argv in (("tandem check", ["check"]), ("tandem log --verify", ["log", "--verify"])):
            done = subprocess.run([bin_path, *argv, "--db", db_path, "--lang", "en"], capture_output=True, text=True, env=ENV)
            found.append((name, done.returncode == 0, (done.stdout + done.stderr).strip()))
    return found
