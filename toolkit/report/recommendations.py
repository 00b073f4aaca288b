"""The national recommendations (3PO project, 2024) that findings inform.

Source: *Protecting police officers, police staff and their families from online harms:
Policy recommendations, national and force level, UK version* (3PO project, March 2024).
Short titles are paraphrases for labelling; the document holds the full text.
"""

PILLARS = ("recognition", "training", "reporting", "support")

PILLAR_TITLES = {
    "recognition": "Recognition of online harms and physical-world impacts",
    "training": "Training for online harm prevention, recognition and response",
    "reporting": "Reporting online harms",
    "support": "Supporting officers, staff and families that experience online harms",
}

RECOMMENDATIONS = {
    "1.01": "Understand the online harms faced and their impact on wellbeing, including how diversity and demographics shape them",
    "1.02": "Recognise online harms and their impact on individuals and families through policy, guidance and digital literacy",
    "1.03": "Keep online-harms guidance distinct from social-media misuse narratives; embed care, support and wellbeing",
    "1.04": "Plan for recruiting younger staff with a large online footprint into specialist roles",
    "2.01": "Training at every level: induction, frontline and specialist, line management, leadership",
    "2.02": "Proportionate, resourced training that improves digital literacy",
    "2.03": "Training reviewed, evaluated and refreshed regularly",
    "2.04": "Focus on staff who have grown up with a large online presence",
    "2.05": "Extend training and awareness to families",
    "3.01": "Clear, consistent reporting mechanisms encouraging reports of all negative experiences",
    "3.02": "Harms-based recording of crime and non-crime incidents, monitored for trends locally and nationally",
    "3.03": "Reporting extended to harms affecting families",
    "3.04": "Consistent triage and proportionate investigation, focused on wellbeing, with timely outcomes",
    "3.05": "Raise awareness across the criminal justice system of legislative gaps",
    "4.01": "Common standards recognising negative online experiences as a category of harm needing wellbeing support",
    "4.02": "Investigation linked to longer-term wellbeing support",
    "4.03": "Support recognising that individuals experience harms differently",
    "4.04": "Forces assess their capacity to deliver wellbeing, psychological and technical support",
    "4.05": "Online harms in the remit of wellbeing champions",
    "4.06": "Online harms referenced in Police Covenant workstreams",
}
