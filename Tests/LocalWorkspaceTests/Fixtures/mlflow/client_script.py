"""Runs as a job's script would against the local workspace: MLFLOW_TRACKING_URI, MLFLOW_RUN_ID and
MLFLOW_TRACKING_TOKEN come from the environment. Logs params, metrics (NaN and infinity included), a tag and
artifacts through the explicit API, reads some of it back, and, when lightgbm is importable and AUTOLOG=1, trains a
small model under mlflow.lightgbm.autolog(). Prints one JSON line with what it read back."""

import json
import math
import os
import sys
import tempfile

import mlflow
from mlflow import MlflowClient

run_id = os.environ["MLFLOW_RUN_ID"]
result = {"mlflow_version": mlflow.__version__}

with mlflow.start_run() as run:
    result["resumed_run_id"] = run.info.run_id
    result["artifact_uri"] = run.info.artifact_uri
    mlflow.log_param("alpha", 0.5)
    mlflow.log_params({"beta": 2, "gamma": "g"})
    mlflow.log_metric("loss", 1.5, step=0)
    mlflow.log_metric("loss", float("nan"), step=1)
    mlflow.log_metric("loss", 0.25, step=2)
    mlflow.log_metrics({"acc": 0.9, "inf": math.inf}, step=0)
    mlflow.set_tag("team", "ml")
    mlflow.log_text("hello from the script", "notes/hello.txt")
    mlflow.log_dict({"a": 1, "b": [1, 2]}, "cfg/config.json")
    with tempfile.TemporaryDirectory() as folder:
        os.makedirs(os.path.join(folder, "deeper"))
        with open(os.path.join(folder, "x.txt"), "w") as handle:
            handle.write("x")
        with open(os.path.join(folder, "deeper", "y.bin"), "wb") as handle:
            handle.write(bytes(range(256)) * 4)
        mlflow.log_artifacts(folder, "outdir")

    client = MlflowClient()
    result["history"] = [
        [m.step, None if math.isnan(m.value) else m.value] for m in client.get_metric_history(run_id, "loss")
    ]
    result["latest"] = client.get_run(run_id).data.metrics
    result["params"] = client.get_run(run_id).data.params
    result["listed"] = sorted(f.path + ("/" if f.is_dir else "") for f in client.list_artifacts(run_id))
    result["listed_outdir"] = sorted(f.path for f in client.list_artifacts(run_id, "outdir"))
    with tempfile.TemporaryDirectory() as folder:
        local = mlflow.artifacts.download_artifacts(run_id=run_id, artifact_path="notes/hello.txt", dst_path=folder)
        with open(local) as handle:
            result["downloaded"] = handle.read()

    if os.environ.get("AUTOLOG") == "1":
        try:
            import lightgbm as lgb
            import numpy as np
        except ImportError as error:
            result["autolog"] = f"skipped: {error}"
        else:
            mlflow.lightgbm.autolog()
            rng = np.random.default_rng(0)
            features = rng.normal(size=(150, 4))
            labels = (features[:, 0] > 0).astype(int) + (features[:, 1] > 0.5).astype(int)
            train = lgb.Dataset(features[:120], labels[:120])
            test = lgb.Dataset(features[120:], labels[120:], reference=train)
            params = {"objective": "multiclass", "num_class": 3, "verbose": -1, "num_threads": 1}
            lgb.train(params, train, num_boost_round=5, valid_sets=[test], valid_names=["test"])
            result["autolog"] = "ran"

print("RESULT " + json.dumps(result), flush=True)
sys.exit(0)
