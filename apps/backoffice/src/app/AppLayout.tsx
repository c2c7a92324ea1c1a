import { lazy } from 'react';
import { Layout, type LayoutProps, Loading, useGetIdentity } from 'react-admin';
import { isStaffSessionIdentity } from '../providers/authProvider';
import { AppAppBar, FocusedAppBar } from '../layout/AppAppBar';
import { AppMenu } from '../layout/AppMenu';

const EnrolmentRequiredPage = lazy(() =>
  import('../account/EnrolmentRequiredPage').then((module) => ({ default: module.EnrolmentRequiredPage })),
);

const NoSidebar = () => null;

export const AppLayout = ({ children }: LayoutProps) => {
  const { identity, isPending } = useGetIdentity();
  // Waiting for the identity avoids flashing the menu at someone who may only enrol.
  if (isPending) return <Loading />;
  if (isStaffSessionIdentity(identity) && identity.mfaEnrolmentRequired) {
    // Whatever the address, the only thing such a session can do is enrol a second factor.
    return (
      <Layout appBar={FocusedAppBar} sidebar={NoSidebar}>
        <EnrolmentRequiredPage />
      </Layout>
    );
  }
  return (
    <Layout appBar={AppAppBar} menu={AppMenu}>
      {children}
    </Layout>
  );
};
