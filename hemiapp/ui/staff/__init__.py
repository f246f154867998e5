"""Staff mode (journey 2, a nurse with a patient): sign-in with staff ID and PIN, the staff
menu (new or resumed named sessions, quiz results, teach-back), notes, sign-off, idle logoff.

The composition root makes it once, with ``hemiapp.wiring.attach_staff(window, staff_store,
sessions)``: the controller (``controller.StaffController``) gets the window's page host,
and the window's signals are connected to it there.
"""
