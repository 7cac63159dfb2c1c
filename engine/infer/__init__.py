"""Running ONNX models without torch: provider choice, model-file checks, image classification.

Nothing in this package imports torch, so the playground opens quickly.
"""
