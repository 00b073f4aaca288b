"""Research and evaluation toolkit for survey, interview and evaluation data on
online harms to police officers, police staff and their families.

Modules: :mod:`toolkit.dictionary` (data dictionaries), :mod:`toolkit.io` (reading
force data), :mod:`toolkit.survey`, :mod:`toolkit.qual`, :mod:`toolkit.evaluate`
(analyses), :mod:`toolkit.disclosure` (small-cell suppression), :mod:`toolkit.report`
(evidence pack), :mod:`toolkit.synth` (the embedded synthetic demo study).
"""

__version__ = "0.1.0"
