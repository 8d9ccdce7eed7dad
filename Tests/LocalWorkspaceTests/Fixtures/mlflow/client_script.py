"""Runs as a job's script would against the local workspace: MLFLOW_TRACKING_URI, MLFLOW_RUN_ID and
MLFLOW_TRACKING_TOKEN come from the environment (the client consumes MLFLOW_RUN_ID at its first start_run, so each
mode runs in its own process, as each job does).

- `autolog`: when lightgbm is importable, trains a small model under mlflow.lightgbm.autolog() with no active run,
  as azureml-examples' main.py does, so autologging resumes the run itself;
- `explicit`: logs params, metrics (NaN and infinity included), a tag and artifacts through the explicit API, and
  reads some of it back.

Prints one line `RESULT <json>` with what it saw."""

import json
import math
import os
import sys
import tempfile

import mlflow
from mlflow import MlflowClient

run_id = os.environ["MLFLOW_RUN_ID"]
result = {"mlflow_version": mlflow.__version__}


def autolog():
    try:
        import lightgbm as lgb
        import matplotlib  # noqa: F401 (autologging plots feature importance)
        import mlflow.lightgbm  # needs pandas
        import numpy as np
        import sklearn  # noqa: F401 (mlflow.lightgbm.autolog also patches the sklearn API)
    except ImportError as error:
        result["autolog"] = f"skipped: {error}"
        return
    mlflow.lightgbm.autolog()
    rng = np.random.default_rng(0)
    features = rng.normal(size=(150, 4))
    labels = (features[:, 0] > 0).astype(int) + (features[:, 1] > 0.5).astype(int)
    train = lgb.Dataset(features[:120], labels[:120])
    test = lgb.Dataset(features[120:], labels[120:], reference=train)
    params = {"objective": "multiclass", "num_class": 3, "verbose": -1, "num_threads": 1}
    lgb.train(params, train, num_boost_round=5, valid_sets=[test], valid_names=["test"])
    result["autolog"] = "ran"


def explicit():
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
        data = client.get_run(run_id).data
        result["latest"] = {key: data.metrics[key] for key in ["loss", "acc", "inf"]}
        result["params"] = {key: data.params[key] for key in ["alpha", "beta", "gamma"]}
        result["listed"] = sorted(f.path + ("/" if f.is_dir else "") for f in client.list_artifacts(run_id))
        result["listed_outdir"] = sorted(f.path for f in client.list_artifacts(run_id, "outdir"))
        with tempfile.TemporaryDirectory() as folder:
            local = mlflow.artifacts.download_artifacts(run_id=run_id, artifact_path="notes/hello.txt", dst_path=folder)
            with open(local) as handle:
                result["downloaded"] = handle.read()


{"autolog": autolog, "explicit": explicit}[sys.argv[1]]()
print("RESULT " + json.dumps(result), flush=True)
