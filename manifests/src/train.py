"""Train a LightGBM classifier on the Iris data set and report its metrics through MLflow.

Run by `deploy manifests/lightgbm.yaml` (and by each trial of `manifests/lightgbm-sweep.yaml`). MLflow's
autologging records the parameters and, for every boosting round, `test-multi_logloss` on the held-out split.
"""

import argparse
import os

import lightgbm as lgb
import mlflow
import pandas as pd
from sklearn.metrics import accuracy_score, log_loss
from sklearn.model_selection import train_test_split


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--iris-csv", required=True, help="CSV with four measurements and a species column")
    parser.add_argument("--learning-rate", type=float, default=0.1)
    parser.add_argument("--boosting", default="gbdt", choices=["gbdt", "dart", "rf"])
    parser.add_argument("--num-rounds", type=int, default=30)
    parser.add_argument("--model-dir", default=None, help="folder to write the trained model to")
    args = parser.parse_args()

    data = pd.read_csv(args.iris_csv)
    species = sorted(data["species"].unique())
    labels = data["species"].map({name: index for index, name in enumerate(species)})
    features = data.drop(columns=["species"])
    x_train, x_test, y_train, y_test = train_test_split(
        features, labels, test_size=0.2, random_state=42, stratify=labels
    )

    mlflow.autolog()
    with mlflow.start_run():
        accuracy, logloss = train(args, x_train, x_test, y_train, y_test, len(species))
    print(f"test-multi_logloss={logloss:.4f} test-accuracy={accuracy:.4f}")


def train(args, x_train, x_test, y_train, y_test, classes):
    """Train, log the test accuracy, save the model; return the test accuracy and log loss."""
    params = {
        "objective": "multiclass",
        "num_class": classes,
        "learning_rate": args.learning_rate,
        "boosting": args.boosting,
        "num_threads": int(os.environ.get("OMP_NUM_THREADS", "1")),
        "min_data_in_leaf": 5,
        "verbose": -1,
        "seed": 42,
    }
    train_set = lgb.Dataset(x_train, label=y_train)
    test_set = lgb.Dataset(x_test, label=y_test, reference=train_set)
    booster = lgb.train(
        params, train_set, num_boost_round=args.num_rounds, valid_sets=[test_set], valid_names=["test"]
    )

    probabilities = booster.predict(x_test)
    accuracy = accuracy_score(y_test, probabilities.argmax(axis=1))
    logloss = log_loss(y_test, probabilities, labels=list(range(classes)))
    mlflow.log_metric("test-accuracy", accuracy)
    if args.model_dir:
        os.makedirs(args.model_dir, exist_ok=True)
        booster.save_model(os.path.join(args.model_dir, "model.txt"))
    return accuracy, logloss


if __name__ == "__main__":
    main()
