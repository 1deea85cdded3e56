#!/usr/bin/env bash
# The Spark recipe's test: pyspark from PyPI in a virtual environment, Java 17, local[2].
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v java >/dev/null; then
  apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless
fi
venv=$here/.venv
if [ ! -x "$venv/bin/spark-submit" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q 'pyspark==3.5.3' 'pytest>=8'
fi
# spark-submit finds Spark and starts its Python workers with the python on PATH.
export PATH=$venv/bin:$PATH PYSPARK_PYTHON=$venv/bin/python
export WINNOW_BIN=${WINNOW_BIN:-$here/../../.build/release/winnow}
cd "$here"
"$venv/bin/python" -m pytest -q test_winnow_spark.py "$@"
