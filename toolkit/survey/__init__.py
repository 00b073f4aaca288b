"""toolkit.survey"""
