import { forbidden, notFound, unprocessable } from '../../platform/errors.ts';

/** Also the answer for someone else's private view: its existence is not revealed. */
export const savedViewNotFound = () => notFound('saved_views.not_found', 'No such saved view');

export const notViewOwner = () =>
  forbidden('saved_views.not_owner', 'Only the agent who saved this view can change or delete it');

export const teamNotYours = () =>
  unprocessable(
    'saved_views.team_forbidden',
    'You can share a view only with a team you belong to',
    'Supervisors and admins may share with any team',
  );
