"""Reads a line model file (config/boilerplate_model.txt, or a held-out source's model from
scripts/train_boilerplate.py --loso-dir) without the training venv."""


def read_model(path):
    """The two ensembles of a model file as {name: (bias, [node arrays])}."""
    models, current = {}, None
    for line in open(path):
        fields = line.split()
        if not fields or fields[0].startswith("#"):
            continue
        if fields[0] == "model":
            current = fields[1]
            models[current] = [0.0, []]
        elif fields[0] == "bias" and current:
            models[current][0] = float(fields[1])
        elif fields[0] == "tree":
            models[current][1].append([])
        elif fields[0] == "node":
            models[current][1][-1].append(
                (int(fields[1]), float(fields[2]), int(fields[3]), int(fields[4]), float(fields[5]))
            )
    return models
