#!/usr/bin/env python3
"""opensearch-py-ml (from PyPI, unmodified) against the emulator: the local-model paths its users start with.

- `register_pretrained_model("huggingface/sentence-transformers/all-MiniLM-L6-v2", "1.0.1", "TORCH_SCRIPT",
  deploy_model=True, wait_until_deployed=True)`, `generate_embedding`, `get_profile`, `undeploy_model`,
  `delete_model`;
- the custom-model upload: `register_model` from a local zip (meta document, then 10 MB chunks through the
  deprecated `chunk` API), deployed with its SHA-256 checked;
- the task polling under the emulator's delay timing;
- `ModelAccessControl.get_model_group_id_by_name` / `delete_model_group_by_name`: the client trusts the
  top hit of a `match` on `name`, so BM25 ranking decides which group it deletes.

    python3 Tests/clients/opensearch_py_ml_models.py --binary .build/release/ml-commons-emulator
"""
import argparse
import json
import math
import os
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pysupport"))
from emulator import call, start  # noqa: E402
from opensearchpy import OpenSearch  # noqa: E402
from opensearch_py_ml.ml_commons import MLCommonClient  # noqa: E402
from opensearch_py_ml.ml_commons.model_access_control import ModelAccessControl  # noqa: E402


def check(condition, message):
    if not condition:
        raise SystemExit("FAILED: " + message)


def norm(vector):
    return math.sqrt(sum(x * x for x in vector))


def cosine(a, b):
    return sum(x * y for x, y in zip(a, b)) / (norm(a) * norm(b))


def embedding(ml, model_id, text):
    result = ml.generate_embedding(model_id, [text])["inference_results"][0]["output"]
    check(len(result) == 1 and result[0]["name"] == "sentence_embedding", f"one sentence_embedding tensor: {result}")
    return result[0]["data"]


def pretrained(ml, port):
    model_id = ml.register_pretrained_model(
        "huggingface/sentence-transformers/all-MiniLM-L6-v2", "1.0.1", "TORCH_SCRIPT",
        deploy_model=True, wait_until_deployed=True)
    model = ml.get_model_info(model_id)
    check(model["model_state"] == "DEPLOYED", f"deployed: {model['model_state']}")
    check(model["model_config"]["embedding_dimension"] == 384, "the catalogue's dimension")
    vector = embedding(ml, model_id, "today is sunny")
    check(len(vector) == 384 and abs(norm(vector) - 1) < 1e-5, "384 numbers of unit length")
    related = cosine(vector, embedding(ml, model_id, "it is sunny today"))
    unrelated = cosine(vector, embedding(ml, model_id, "quantum chromodynamics lattice"))
    check(related > unrelated, f"shared words score higher: {related} <= {unrelated}")
    profile = ml.get_profile(profile_type="model", ids=model_id)
    node_models = next(iter(profile["nodes"].values()))["models"]
    check(node_models[model_id]["model_state"] == "DEPLOYED", f"profiled: {profile}")
    check("predict_request_stats" in node_models[model_id], "predict latencies after predicts")
    undeployed = ml.undeploy_model(model_id)
    check(list(undeployed.values())[0]["stats"][model_id] == "undeployed", f"undeployed: {undeployed}")
    deleted = ml.delete_model(model_id)
    check(deleted["result"] == "deleted", f"deleted: {deleted}")
    print(f"pretrained: registered, deployed, embedded (cos {related:.3f} > {unrelated:.3f}), profiled, undeployed, deleted")
    return vector


def custom_upload(ml, port, expected):
    call(port, "PUT", "/_cluster/settings",
         {"persistent": {"plugins.ml_commons.allow_registering_model_via_local_file": True}})
    with tempfile.TemporaryDirectory() as folder:
        archive = os.path.join(folder, "all-MiniLM-L6-v2.zip")
        with zipfile.ZipFile(archive, "w") as zipped:
            zipped.writestr("all-MiniLM-L6-v2.pt", os.urandom(12 * 1024 * 1024))  # two chunks
            zipped.writestr("tokenizer.json", json.dumps({"version": "1.0"}))
        config = os.path.join(folder, "config.json")
        with open(config, "w") as handle:
            json.dump({"name": "all-MiniLM-L6-v2", "version": 1, "model_format": "TORCH_SCRIPT",
                       "model_config": {"model_type": "bert", "embedding_dimension": 384,
                                        "framework_type": "sentence_transformers"}}, handle)
        model_id = ml.register_model(archive, config, deploy_model=True, wait_until_deployed=True)
    model = ml.get_model_info(model_id)
    check(model["model_state"] == "DEPLOYED" and model["total_chunks"] == 2, f"deployed from two chunks: {model}")
    check(embedding(ml, model_id, "today is sunny") == expected, "the same text, the same vector, whatever the model")
    ml.undeploy_model(model_id)
    ml.delete_model(model_id)
    print("custom upload: meta + 2 chunks registered, hash checked on deploy, embedded, deleted")


def delayed_tasks(ml, port):
    call(port, "PUT", "/__emulator/tasks/timing", {"mode": "delay", "delay_ms": 1500})
    model_id = ml.register_pretrained_model(
        "huggingface/sentence-transformers/all-MiniLM-L12-v2", "1.0.1", "ONNX",
        deploy_model=True, wait_until_deployed=True)
    output = ml.generate_embedding(model_id, ["polled until ready"])["inference_results"][0]["output"][0]
    check(output["shape"] == [384], f"an ONNX model answers the embedding alone: {output['shape']}")
    call(port, "PUT", "/__emulator/tasks/timing", {"mode": "instant"})
    print("delayed timing: the client's own polling waited for CREATED -> COMPLETED and RUNNING -> COMPLETED")


def groups_by_name(client):
    # Registered with their name alone: the client's own register_model_group always sends access-control
    # fields, which a cluster without the security plugin refuses.
    ids = {}
    for name in ["g-pub-2", "g", "g-pub"]:
        ids[name] = client.transport.perform_request(
            "POST", "/_plugins/_ml/model_groups/_register", body={"name": name})["model_group_id"]
    access = ModelAccessControl(client)
    for name in ["g", "g-pub", "g-pub-2"]:
        found = access.get_model_group_id_by_name(name)
        check(found == ids[name], f"get_model_group_id_by_name({name!r}) gave {found}, not {ids[name]}")
    access.delete_model_group_by_name("g-pub")
    left = access.search_model_group({"query": {"match_all": {}}, "size": 100})["hits"]["hits"]
    names = sorted(hit["_source"]["name"] for hit in left if hit["_source"]["name"] in ids)
    check(names == ["g", "g-pub-2"], f"delete_model_group_by_name('g-pub') left {names}")
    print("model groups by name: the lookup ranks the exact name first; delete_model_group_by_name removed g-pub")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    args = parser.parse_args()
    proc, port = start(args.binary)
    try:
        client = OpenSearch(hosts=[{"host": "127.0.0.1", "port": port}], use_ssl=False, timeout=60)
        ml = MLCommonClient(client)
        vector = pretrained(ml, port)
        custom_upload(ml, port, vector)
        delayed_tasks(ml, port)
        groups_by_name(client)
    finally:
        proc.kill()
    print("opensearch-py-ml: all checks passed")


if __name__ == "__main__":
    main()
