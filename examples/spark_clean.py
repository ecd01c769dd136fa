#!/usr/bin/env python3
"""Clean a JSON Lines stream with PySpark: the README's Spark recipe as a script.

Usage: spark_clean.py IN.jsonl OUT_DIR [--check-code]

Runs in Spark local mode (a SparkSession of its own, `local[*]`); on a cluster, build the
session as the cluster wants and keep the rest. `pipe` runs `newsdedup --input-format jsonl
--format jsonl` once per partition, feeding it the partition's lines; PySpark gives the
command only the environment in `env`, so PATH is passed (or name newsdedup by an absolute
path). OUT_DIR is replaced if it exists (Spark refuses to write into an existing one) and
holds the cleaned records as part files, in input order.

A bad record is logged on the executors' stderr as `newsdedup: <stdin>:LINE (id ...): ...`
(LINE counts within the partition, so give records an "id") and skipped. By default
(`checkCode=False`) the exit status 2 that follows is ignored. With --check-code
(`checkCode=True`) a bad record fails its task instead; Spark retries the task
(`spark.task.maxFailures`, 4 on a cluster, 1 in local mode), it fails again, and the whole
job aborts: OUT_DIR gets no output at all, good records included. Use it only to stop on
any bad input.

Without pyspark or java it says so on stderr and exits 0: it is a recipe, not a dependency.
"""
import os
import shutil
import sys


def main(argv):
    args = [a for a in argv[1:] if a != "--check-code"]
    check_code = "--check-code" in argv[1:]
    if len(args) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    source, out = args
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        print("spark_clean: pyspark is not installed; skipped", file=sys.stderr)
        return 0
    if shutil.which("java") is None:
        print("spark_clean: java is not installed; skipped", file=sys.stderr)
        return 0

    spark = (SparkSession.builder.master("local[*]").appName("newsdedup-clean")
             .config("spark.ui.enabled", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    shutil.rmtree(out, ignore_errors=True)
    try:
        lines = spark.sparkContext.textFile(source)
        cleaned = lines.pipe("newsdedup --input-format jsonl --format jsonl",
                             env={"PATH": os.environ["PATH"]}, checkCode=check_code)
        cleaned.saveAsTextFile(out)
    except Exception as e:  # Py4JJavaError: the job aborted
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        print(f"spark_clean: the job failed: {first}", file=sys.stderr)
        return 1
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
