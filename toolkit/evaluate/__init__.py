"""toolkit.evaluate"""
