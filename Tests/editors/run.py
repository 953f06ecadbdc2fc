"""Runs the Python editor and grammar tests (Tests/editors/test_*.py) and prints one line per
test and a summary line `python: N passed, M failed, K skipped`; exit status 1 on failure.

    .venv-editors/bin/python Tests/editors/run.py [pattern]
"""
import sys
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent


class Result(unittest.TextTestResult):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.passed = 0
        self.failed_ids = set()

    def addSuccess(self, test):
        super().addSuccess(test)
        self.passed += 1

    def addSubTest(self, test, subtest, outcome):
        super().addSubTest(test, subtest, outcome)
        if outcome is not None:
            self.failed_ids.add(test.id())


def main():
    pattern = sys.argv[1] if len(sys.argv) > 1 else "test_*.py"
    sys.path.insert(0, str(HERE))
    suite = unittest.defaultTestLoader.discover(str(HERE), pattern=pattern, top_level_dir=str(HERE))
    runner = unittest.TextTestRunner(verbosity=2, resultclass=Result, stream=sys.stdout)
    result = runner.run(suite)
    # a test whose subtests failed is one failure, not a pass
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    failed_tests = {t.id() for t, _ in result.failures + result.errors} | result.failed_ids
    failed = max(failed, len(failed_tests))
    passed = result.passed - len(result.failed_ids & {t for t in result.failed_ids})
    passed = max(0, result.testsRun - failed - len(result.skipped) - len(result.expectedFailures))
    print(f"python: {passed} passed, {failed} failed, {len(result.skipped)} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
