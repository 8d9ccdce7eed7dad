"""A synthetic sweep trial: logs a scripted curve of `loss` to the MLflow REST API with urllib (no mlflow package).

    python3 curves.py SPEC [DELAY]

SPEC is `v1/v2/...` (the values to log, one per step, DELAY seconds apart), `fail` (exit 3), or `sleep` (print
`ready`, then sleep for five minutes). The values are logged to the run named by MLFLOW_RUN_ID, on the server of
MLFLOW_TRACKING_URI, with MLFLOW_TRACKING_TOKEN.
"""

import json
import os
import sys
import time
import urllib.request


def log(key, value, step):
    body = json.dumps(
        {
            "run_id": os.environ["MLFLOW_RUN_ID"],
            "key": key,
            "value": value,
            "timestamp": int(time.time() * 1000),
            "step": step,
        }
    ).encode()
    request = urllib.request.Request(
        os.environ["MLFLOW_TRACKING_URI"] + "/api/2.0/mlflow/runs/log-metric",
        data=body,
        headers={"Content-Type": "application/json", "Authorization": "Bearer " + os.environ["MLFLOW_TRACKING_TOKEN"]},
    )
    urllib.request.urlopen(request, timeout=30).read()


def main():
    spec = sys.argv[1]
    delay = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
    if spec == "fail":
        print("failing on purpose", flush=True)
        sys.exit(3)
    if spec == "sleep":
        print("ready", flush=True)
        time.sleep(300)
        return
    for step, value in enumerate(spec.split("/")):
        log("loss", float(value), step)
        if delay:
            time.sleep(delay)
    print("logged " + spec, flush=True)


if __name__ == "__main__":
    main()
