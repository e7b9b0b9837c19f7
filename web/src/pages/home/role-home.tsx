import { useSession } from '../../auth/use-session';
import { useTranslation } from '../../i18n/use-translation';
import { organisationName } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import '../../i18n/parts/home';
import { cardsFor } from './home-cards';

/** The signed-in home: a greeting and the cards of the user's role (home-cards.ts). */
export function RoleHome() {
  const { t } = useTranslation();
  const user = useSession().user;
  const language = useLanguage();
  if (!user) return null;
  return (
    <section className="page role-home" aria-labelledby="role-home-title" data-testid="role-home" data-role={user.role}>
      <h1 id="role-home-title">{t('home.greeting', { name: user.fullName })}</h1>
      <p className="muted">
        {t(`roles.${user.role}`)}
        {user.organisation ? ` · ${organisationName(user.organisation, language)}` : ''}
      </p>
      <h2 className="visually-hidden">{t('home.roleLead')}</h2>
      <ul className="card-grid home-cards">
        {cardsFor(user.role).map(({ id, Card }) => (
          <Card key={id} />
        ))}
      </ul>
    </section>
  );
}
