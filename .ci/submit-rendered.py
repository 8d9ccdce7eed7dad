#!/usr/bin/env python3
"""Sends the requests of `deploy render` to a running `deploy serve`, filling in what only the workspace knows.

Usage: submit-rendered.py RENDER_JSON WORKSPACE_DIR. Used by .ci/e2e when this build has no `deploy apply`; prints
each request's status, and the name of the last job PUT on the last line.
"""
import json
import sys
import urllib.error
import urllib.parse
import urllib.request

render = json.load(open(sys.argv[1]))
workspace = sys.argv[2]
url = json.load(open(workspace + "/server.json"))["url"]
token = json.load(open(workspace + "/credentials.json"))["token"]
values = {}  # placeholder -> value
signatures = {}  # upload destination placeholder -> SAS query


def call(method, path, api_version, query, body):
    items = [("api-version", api_version)] + list((query or {}).items())
    request = urllib.request.Request(
        url + urllib.parse.quote(path) + "?" + urllib.parse.urlencode(items),
        method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        sys.exit(f"{method} {path} answered {error.code}: {error.read().decode()}")


def filled(value):
    text = json.dumps(value)
    for placeholder, replacement in values.items():
        text = text.replace(placeholder, replacement)
    return json.loads(text)


job = None
for request in render["requests"]:
    if request["method"] == "UPLOAD":
        destination = request["destination"]
        for file in request["files"]:
            target = values[destination] + "/" + file["blob"] + "?" + signatures[destination]
            put = urllib.request.Request(
                target, method="PUT", data=open(file["path"], "rb").read(), headers={"x-ms-blob-type": "BlockBlob"}
            )
            with urllib.request.urlopen(put) as response:
                print("UPLOAD", file["blob"], response.status)
        continue
    body = filled(request["body"]) if request["body"] is not None else None
    status, answer = call(request["method"], request["path"], request["api_version"], request["query"], body)
    print(request["method"], request["path"].split("/workspaces/", 1)[1], status)
    path = request["path"]
    if path.endswith("/startPendingUpload"):
        reference = answer["blobReferenceForConsumption"]
        values["<pending-upload-container>"] = reference["blobUri"]
        signatures["<pending-upload-container>"] = reference["credential"]["sasUri"].split("?", 1)[1]
    elif "/datastores/" in path and request["method"] == "GET":
        name = path.rsplit("/", 1)[1]
        properties = answer["properties"]
        values[f"<datastore {name}>"] = properties["endpoint"] + "/" + properties["containerName"]
    elif path.endswith("/listSecrets"):
        name = path.rsplit("/", 2)[1]
        signatures[f"<datastore {name}>"] = answer["sasToken"]
    elif "/jobs/" in path and request["method"] == "PUT":
        job = path.rsplit("/", 1)[1]
if job is None:
    sys.exit("the rendered requests submit no job")
print(job)
