"""toolkit.io"""
