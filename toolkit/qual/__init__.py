"""toolkit.qual"""
