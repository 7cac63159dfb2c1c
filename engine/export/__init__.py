"""ONNX export with self-describing metadata and a parity check."""
